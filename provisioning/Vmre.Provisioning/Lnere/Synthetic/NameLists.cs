namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// Small built-in lists of common Mexican names, accents included, for synthetic records only
/// (real LNERE data never enters the repository: DATA.md).
/// </summary>
public static class NameLists
{
    public static readonly string[] Surnames =
    [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez",
        "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez",
        "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez",
        "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez",
        "Muñoz", "Rojas", "Núñez", "Salazar", "Ibarra", "Cervantes", "Zúñiga", "Ávila", "Peña", "Orozco",
        "Treviño", "Garza", "Villarreal", "Cárdenas", "Sepúlveda", "Olvera", "Maldonado", "Ochoa", "Solís",
    ];

    public static readonly string[] MenGivenNames =
    [
        "José", "Juan", "Luis", "Carlos", "Jesús", "Miguel Ángel", "José Luis", "Francisco", "Jorge", "Alejandro",
        "Antonio", "Ricardo", "Fernando", "Eduardo", "Roberto", "Javier", "Raúl", "Óscar", "Héctor", "Sergio",
        "Martín", "Andrés", "Iván", "Julián", "Rubén", "Emiliano", "Santiago", "Mateo", "Joaquín", "Efraín",
        "Juan Pablo", "José Ángel",
    ];

    public static readonly string[] WomenGivenNames =
    [
        "María", "Guadalupe", "María José", "Ana", "Verónica", "Patricia", "Leticia", "Rosa María", "Alejandra",
        "Gabriela", "Mónica", "Claudia", "Adriana", "Araceli", "Sofía", "Valentina", "Ximena", "Fernanda",
        "Lucía", "Mariana", "Itzel", "Berenice", "Inés", "Noemí", "Ángeles", "Raquel", "Beatriz", "Citlali",
        "Ana Sofía", "María Fernanda",
    ];
}

using Vmre.Fuzz;

// vmre-fuzz: `./vmre fuzz [--cases N] [--seed S] [--target mrz|testigo|token|escpos|all]`.
return FuzzCommand.Run(args, Console.Out, Console.Error);

using System.Net;
using System.Net.Sockets;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// The test assembly run as a child process (`dotnet Vmre.HardwareSim.Tests.dll ROLE …`), so the
/// module LAN tests have a real separate process: one that makes a LAN and is then SIGKILLed, and
/// a TCP listener started inside a namespace. Under the test runner, Main is never called.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["make-lan", var runId, .. var parts] => MakeLanAndHang(runId, parts),
        ["listen", var ip, var port] => ListenOnce(IPAddress.Parse(ip), int.Parse(port)),
        _ => 0,
    };

    /// <summary>Makes a LAN, leaves a process running in its first namespace, then waits to be killed.</summary>
    private static int MakeLanAndHang(string runId, string[] parts)
    {
        var lan = ModuleLan.Create(runId, parts);
        if (!lan.IsOk) { Console.WriteLine("failed " + lan.Error); return 1; }
        var sleeper = System.Diagnostics.Process.Start(
            NamespacedCommand.StartInfo(lan.Value!.Namespace(parts[0]), "sleep", ["infinity"]))!;
        Console.WriteLine($"sleeper {sleeper.Id}");
        Console.WriteLine("ready");
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    /// <summary>Accepts one connection, greets it with the namespace the listener sees itself in.</summary>
    private static int ListenOnce(IPAddress ip, int port)
    {
        using var listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(ip, port));
        listener.Listen();
        Console.WriteLine("listening");
        using var peer = listener.Accept();
        var self = File.ReadAllText("/proc/self/stat").Split(' ')[0];
        peer.Send(System.Text.Encoding.ASCII.GetBytes($"hello from {self}\n"));
        peer.Shutdown(SocketShutdown.Both);
        return 0;
    }
}

using System.IO.Ports;

namespace Vmre.HardwareSim.Tests;

/// <summary>The client side as the terminal will have it: a System.IO.Ports serial port.</summary>
internal static class SerialClient
{
    public static SerialPort Open(string path)
    {
        var port = new SerialPort(path, 115200) { ReadTimeout = 5000, WriteTimeout = 5000 };
        port.Open();
        return port;
    }

    public static byte[] ReadExactly(this SerialPort port, int count)
    {
        var buffer = new byte[count];
        int read = 0;
        while (read < count) read += port.BaseStream.Read(buffer, read, count - read);
        return buffer;
    }

    public static byte[] ReadExactly(this Stream stream, int count, TimeSpan timeout)
    {
        var buffer = new byte[count];
        var task = Task.Run(() => { stream.ReadExactly(buffer); });
        if (!task.Wait(timeout)) throw new TimeoutException($"read {count} bytes");
        return buffer;
    }

    public static void Write(this SerialPort port, byte[] bytes) => port.Write(bytes, 0, bytes.Length);
}

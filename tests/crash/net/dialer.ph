// The client of tests/crash/net_restart.c: connects to 127.0.0.1:PORT
// (the test holds the connect back, and kills the world meanwhile), then
// says hello and prints the answer.
import .phantom.net.connection;

class dialer
{
    static void main(string[] args)
    {
        println("dialing");
        connection c = connection.connect("127.0.0.1", args[0].toInt());
        println("connected");
        c.writeLine("hello from the world");
        println("answer: " + c.readLine());
        c.close();
    }
};

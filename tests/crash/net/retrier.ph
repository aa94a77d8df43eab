// retrier.ph - a server that survives finding its port taken after a
// restart (tests/crash/net_restart.c, section 5).  Argument: PORT.  It
// answers each connection with "hello"; when accept reports that the
// address is in use (another process took the port while the world was
// down), it says "taken", closes the listener and listens again every
// 100 ms until the port is free ("listening again").
import .phantom.net.server;
import .phantom.net.connection;

class retrier
{
    static server listen(int port)
    {
        while (true) {
            try {
                return new server("127.0.0.1", port);
            } catch (.phantom.net.AddressInUseException e) {
                .internal.thread.sleep(100);
            }
        }
    }

    static void main(string[] args)
    {
        int port = args[0].toInt();
        server srv = listen(port);
        println("listening " + srv.port());
        while (true) {
            try {
                connection c = srv.accept();
                c.writeLine("hello");
                c.close();
            } catch (.phantom.net.AddressInUseException e) {
                println("taken: " + e.getMessage());
                srv.close();
                srv = listen(port);
                println("listening again");
            }
        }
    }
};

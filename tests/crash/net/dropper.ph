// dropper.ph - makes ROUNDS connections to its own server, exchanges a
// line on each, and lets go of both ends without closing them.  The
// collectors free the objects, and freeing a socket object closes its
// host socket: tests/unit/net_drop.c runs this with a limit of 128 open
// files, which it would pass in a few dozen rounds otherwise.
import .phantom.net.server;
import .phantom.net.connection;

class dropper
{
    static void main(string[] args)
    {
        int rounds = 2000;
        server srv = new server("127.0.0.1", 0, false);
        for (int i = 0; i < rounds; i++) {
            connection c = connection.connect("127.0.0.1", srv.port(), 5000, false);
            connection s = srv.accept();
            c.writeLine("ping " + i);
            string got = s.readLine();
            if (!got.equals("ping " + i))
                println("BAD round " + i + " read " + got);
        }
        println("done " + rounds);
    }
};

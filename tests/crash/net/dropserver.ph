// dropserver.ph - a server that answers each connection with one line and
// lets go of it without closing it (tests/unit/net_drop.c): the
// collectors free the dropped object while the server waits in accept,
// and the client sees its line, then the end of the stream.
import .phantom.net.server;
import .phantom.net.connection;

class dropserver
{
    static void main(string[] args)
    {
        server srv = new server("127.0.0.1", 0);
        println("port " + srv.port());
        for (int i = 0; i < 3; i++)
            answer(srv.accept(), i);
        println("served 3");
    }

    // The connection is dropped when this returns: nothing refers to it.
    static void answer(connection c, int i)
    {
        c.writeLine("bye " + i);
    }
};

// The server of tests/crash/net_restart.c: a counter over TCP, killed and
// booted again.  Arguments: PORT, and "commit" or "nocommit" (output
// commit on or off for what it sends).  Each connection gets a thread:
//   incr -> "count N" after adding one;  get -> "count N";
//   hold -> "holding", then waits for a line that never comes: after a
//           restart that wait ends with ConnectionLostException, printed
//           as "lost at restart".
// A UDP socket on the same port number prints each datagram ("udp: TEXT").
import .phantom.net.server;
import .phantom.net.connection;
import .phantom.net.udp;

class handler
{
    var c : connection;
    void handler(connection c) { this.c = c; }
    void run()
    {
        try {
            string line = c.readLine();
            while (line != null) {
                if (line == "incr") {
                    counter.count = counter.count + 1;
                    c.writeLine("count " + counter.count);
                } else if (line == "get") {
                    c.writeLine("count " + counter.count);
                } else if (line == "hold") {
                    c.writeLine("holding");
                }
                line = c.readLine();
            }
        } catch (.phantom.net.ConnectionLostException e) {
            println("lost at restart");
        } catch (.phantom.net.NetException e) {
            // the client went away
        }
        c.close();
    }
};

class listener
{
    var u : udp;
    void listener(udp u) { this.u = u; }
    void run()
    {
        while (true)
            println("udp: " + u.receive(100).text());
    }
};

class counter
{
    static var count : int;

    static void main(string[] args)
    {
        int port = args[0].toInt();
        bool commit = args[1] == "commit";
        server srv = new server("127.0.0.1", port, commit);
        .internal.thread.start(new listener(new udp("127.0.0.1", port, commit)));
        println("listening " + srv.port());
        while (true)
            .internal.thread.start(new handler(srv.accept()));
    }
};

// The original console: .internal.io.tty imported by name, putws (17)
// writes text without a newline; numbers are printed as their text.
package .test;

import .internal.io.tty;

class console_demo
{
    var out : tty;

    void run( var boot )
    {
        out = new tty();
        out.putws("first ");
        out.17("second ");
        out.putws(42);
        out.putws("\n");
        show(out, "shown through a method\n");
    }

    void show( var t : tty, var text : string )
    {
        t.putws(text);
    }
};

// The program tests/crash/display_events.c and display_browser.c drive: a
// window whose handler prints every event but mouse moves (which it
// counts) with where the window is, and marks each click in the window.
class recorder
{
    var win : .internal.window;
    var moves : int;

    void handleEvent(var ev)
    {
        var t = ev.get("type");
        if (t.equals("mousemove")) { moves = moves + 1; return; }
        println("event " + t + " x=" + ev.get("x") + " y=" + ev.get("y") + " button=" + ev.get("button") +
                " char=" + ev.get("char") + " at " + win.getWinX() + "," + win.getWinY() + " moves=" + moves);
        if (t.equals("mousedown")) {
            win.setFg(0xFFFF0000);
            win.fillBox(ev.get("x") - 3, ev.get("y") - 3, 7, 7);
            win.update();
        }
        if (t.equals("keydown") && ev.get("char") != null) {
            win.setFg(0xFF000000);
            win.drawString(10, 10, "key " + ev.get("char"));
        }
    }
};

class events
{
    static void main()
    {
        var w : .internal.window;
        w = new .internal.window();
        w.setTitle("Events");
        w.setWinPosition(100, 100);
        w.setWinSize(320, 200);
        var r = new recorder();
        r.win = w;
        w.setEventHandler(r);
        println("ready");
        while (true) .internal.thread.sleep(1000);
    }
};

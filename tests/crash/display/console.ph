// The console as a text window under a display, and the desktop's
// background (tests/crash/display_events.c, part 4).
class console
{
    void run(var boot)
    {
        var t : .internal.io.tty;
        t = new .internal.io.tty();
        t.setTitle("Console");
        t.moveWindow(500, 400);
        t.setbgcolor(0xFFFFFF00);
        t.clear();
        t.putws("hello\n");
        t.putws("world\n");
        var bg : .internal.binary;
        bg = .internal.binary.fromString("P6\n1 1\n255\n");
        bg.resize(bg.size() + 3);
        bg.setByte(bg.size() - 3, 10);
        bg.setByte(bg.size() - 2, 200);
        bg.setByte(bg.size() - 1, 30);
        var b : .internal.bitmap;
        b = new .internal.bitmap();
        b.loadFromString(bg);
        boot.setScreenBackground(b);
        println("console ready");
        while (true) .internal.thread.sleep(1000);
    }
};

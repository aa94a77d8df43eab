// A small desktop for the web display: an analog clock and a drawing pad.
//
//   phantom run --image desk.img --display 8080 examples/desktop.ph
//   open http://127.0.0.1:8080/, draw with the mouse, type on the pad
//   (c clears it, the digits 1 to 5 pick a colour), drag the windows
//   kill -9 the process, then: phantom boot --image desk.img --display 8080
//   the windows, your drawing and the clock are back; reload the page.
//
// Nothing redraws the pad after a restart: its pixels are in the world.

class pad
{
    var win : .internal.window;
    var down : bool;
    var lastX : int;
    var lastY : int;
    var textX : int;

    void setup()
    {
        win = new .internal.window();
        win.setTitle("Drawing pad: drag to draw, type to write, c clears, 1-5 colours");
        win.setWinPosition(40, 80);
        win.setWinSize(560, 420);
        win.setBg(0xFFFFFFF0);
        win.clear();
        win.setFg(0xFF203060);
        textX = 8;
        win.setEventHandler(this);
    }

    void handleEvent(var ev)
    {
        var t = ev.get("type");
        int x = ev.get("x");
        int y = ev.get("y");
        if (t.equals("mousedown")) {
            down = true;
            win.fillEllipse(x - 2, y - 2, 5, 5);
        } else if (t.equals("mouseup")) {
            down = false;
        } else if (t.equals("mousemove") && down) {
            win.drawLine(lastX, lastY, x - lastX, y - lastY);
            win.drawLine(lastX + 1, lastY, x - lastX, y - lastY);
        } else if (t.equals("keydown") && ev.get("char") != null) {
            var c = ev.get("char");
            if (c == 'c') { win.clear(); textX = 8; }
            else if (c == '1') win.setFg(0xFF203060);
            else if (c == '2') win.setFg(0xFFC03020);
            else if (c == '3') win.setFg(0xFF20A040);
            else if (c == '4') win.setFg(0xFFE0A000);
            else if (c == '5') win.setFg(0xFF8030C0);
            else {
                win.drawString(textX, 8, "" + c);
                textX = textX + 8;
                if (textX > 540) textX = 8;
            }
        } else if (t.equals("close")) {
            win.clear();
            textX = 8;
        }
        lastX = x;
        lastY = y;
        win.update();
    }
};

class clock
{
    var win : .internal.window;

    void run()
    {
        win = new .internal.window();
        win.setTitle("Clock (UTC)");
        win.setWinPosition(640, 380);
        win.setWinSize(240, 240);
        win.setBg(0xFF1E2A38);
        win.setAutoUpdate(0);
        while (true) {
            long now = .internal.time.nowMillis();
            int secs = (int) ((now / 1000) % 86400);
            draw(secs / 3600, (secs / 60) % 60, secs % 60);
            .internal.thread.sleep(1000 - (int) (now % 1000));
        }
    }

    void hand(double turns, double len, int width, int colour)
    {
        double a = turns * 2.0 * 3.141592653589793;
        int dx = (int) (.internal.math.sin(a) * len);
        int dy = (int) (.internal.math.cos(a) * len);
        win.setFg(colour);
        for (int i = -width / 2; i <= width / 2; i++) {
            win.drawLine(120 + i, 120, dx, dy);
            win.drawLine(120, 120 + i, dx, dy);
        }
    }

    void draw(int h, int m, int s)
    {
        win.clear();
        win.setFg(0xFFE8E8E8);
        win.fillEllipse(20, 20, 200, 200);
        win.setFg(0xFF1E2A38);
        win.fillEllipse(26, 26, 188, 188);
        win.setFg(0xFFE8E8E8);
        for (int i = 0; i < 12; i++) {
            double a = i / 12.0 * 2.0 * 3.141592653589793;
            win.fillBox(118 + (int) (.internal.math.sin(a) * 84), 118 + (int) (.internal.math.cos(a) * 84), 5, 5);
        }
        hand((h % 12 + m / 60.0) / 12.0, 50.0, 5, 0xFFE8E8E8);
        hand((m + s / 60.0) / 60.0, 75.0, 3, 0xFFE8E8E8);
        hand(s / 60.0, 85.0, 1, 0xFFFF6040);
        string t = (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
        win.setFg(0xFFE8E8E8);
        win.drawString(88, 60, t);
        win.update();
    }
};

class desktop
{
    static void main()
    {
        var p = new pad();
        p.setup();
        var c = new clock();
        .internal.thread.start(c);
        println("desktop: open the page --display printed; kill -9 me, then phantom boot: it all comes back");
    }
};

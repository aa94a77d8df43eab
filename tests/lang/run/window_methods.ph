// .internal.window and .internal.bitmap, every method against the pixels
// it must produce (no display: windows work the same unseen).  Coordinates
// start at the bottom left; colours are 0xAARRGGBB.  Each check prints
// "ok NAME" or what it got.  Bad input: clear exceptions, never a crash.
class window_methods
{
    static var fails : int;

    static void want(string name, int got, int expect)
    {
        if (got == expect) println("ok " + name);
        else { println("FAIL " + name + ": got " + got + ", want " + expect); fails = fails + 1; }
    }

    static void main()
    {
        var w : .internal.window;
        var red : int = 0xFFFF0000;
        var green : int = 0xFF00FF00;
        var blue : int = 0xFF0000FF;
        var white : int = 0xFFFFFFFF;
        var black : int = 0xFF000000;
        w = new .internal.window();
        println(w.toString());
        want("default width", w.getXSize(), 400);
        want("default height", w.getYSize(), 300);
        want("default x", w.getWinX(), 100);
        want("default y", w.getWinY(), 100);
        want("getX", w.getX(), 0);
        want("getY", w.getY(), 0);
        want("starts white", w.getPixel(0, 0), white);

        w.setBg(green);
        w.clear();
        want("clear uses bg", w.getPixel(399, 299), green);
        w.fill(blue);
        want("fill", w.getPixel(200, 150), blue);
        w.setBg(white);
        w.clear();

        w.setFg(red);
        w.fillBox(50, 50, 4, 4);
        want("fillBox inside", w.getPixel(53, 53), red);
        want("fillBox right edge", w.getPixel(54, 53), white);
        want("fillBox below", w.getPixel(50, 49), white);

        w.drawBox(30, 30, 10, 5);
        want("drawBox corner", w.getPixel(30, 30), red);
        want("drawBox far corner", w.getPixel(39, 34), red);
        want("drawBox hollow", w.getPixel(35, 32), white);

        w.setFg(blue);
        w.drawLine(0, 0, 9, 0);
        want("drawLine start", w.getPixel(0, 0), blue);
        want("drawLine end", w.getPixel(9, 0), blue);
        want("drawLine past end", w.getPixel(10, 0), white);
        w.drawLine(100, 100, 10, 10);
        want("drawLine diagonal", w.getPixel(105, 105), blue);
        want("drawLine off diagonal", w.getPixel(105, 106), white);

        w.fillEllipse(60, 60, 10, 10);
        want("fillEllipse centre", w.getPixel(65, 65), blue);
        want("fillEllipse corner", w.getPixel(60, 60), white);
        want("fillEllipse edge middle", w.getPixel(60, 65), blue);

        // The built-in font: "I" is a bar over a stem over a bar, each
        // design row two pixels high, one column of space on the left.
        w.setFg(black);
        w.drawString(200, 200, "I");
        want("glyph top bar", w.getPixel(203, 214), black);
        want("glyph top row blank", w.getPixel(203, 215), white);
        want("glyph stem", w.getPixel(203, 208), black);
        want("glyph beside stem", w.getPixel(202, 208), white);
        want("glyph left column blank", w.getPixel(200, 214), white);
        w.drawString(200, 200, "\nI");
        want("newline goes one line down", w.getPixel(203, 198), black);
        w.drawString(300, 200, "\x1b[31mI");
        want("ESC[31m colours the text", w.getPixel(303, 214), 0xFFAA0000);

        // A 2x2 PPM: top row red, green; bottom row blue, white.
        var b : .internal.bitmap;
        b = new .internal.bitmap();
        println(b.toString());
        var ppm : .internal.binary;
        ppm = .internal.binary.fromString("P6\n# two by two\n2 2\n255\n");
        var head : int = ppm.size();
        ppm.resize(head + 12);   // red, green, blue, white; new bytes are 0
        ppm.setByte(head + 0, 255);
        ppm.setByte(head + 4, 255);
        ppm.setByte(head + 8, 255);
        for (int i = 9; i < 12; i++) ppm.setByte(head + i, 255);
        b.loadFromString(ppm);
        want("bitmap width", b.getWidth(), 2);
        w.drawImage(10, 10, b);
        want("drawImage bottom left", w.getPixel(10, 10), blue);
        want("drawImage bottom right", w.getPixel(11, 10), white);
        want("drawImage top left", w.getPixel(10, 11), red);
        want("drawImage top right", w.getPixel(11, 11), green);
        w.drawImagePart(20, 20, b, 0, 1, 1, 1);
        want("drawImagePart lands in place", w.getPixel(20, 21), red);
        want("drawImagePart leaves the rest", w.getPixel(20, 20), white);
        b.paintTo(w, 0, 290);
        want("paintTo paints", w.getPixel(0, 291), red);

        // scrollHor moves a row part right, filling with white.
        w.setFg(red);
        w.fillBox(0, 250, 1, 1);
        want("scrollHor result", w.scrollHor(0, 250, 10, 1, 3), 0);
        want("scrollHor moved", w.getPixel(3, 250), red);
        want("scrollHor filled", w.getPixel(0, 250), white);
        want("scrollHor outside", w.scrollHor(395, 0, 10, 1, 1), 22);

        w.setTitle("Test window");
        println(w.getTitle());
        w.setWinPosition(5, 7);
        want("setWinPosition x", w.getWinX(), 5);
        want("setWinPosition y", w.getWinY(), 7);
        w.setAutoUpdate(0);
        w.update();
        w.setEventHandler(null);
        w.setWinSize(200, 100);
        want("setWinSize width", w.getXSize(), 200);
        want("setWinSize height", w.getYSize(), 100);
        want("setWinSize keeps the bottom left", w.getPixel(10, 10), blue);
        w.toFront();

        // Bad input.
        try { w.setWinSize(5000, 5000); println("FAIL huge size"); }
        catch (.phantom.ArgumentException e) { println("huge size: " + e.getMessage()); }
        try { w.setWinSize(-1, 10); println("FAIL negative size"); }
        catch (.phantom.ArgumentException e) { println("negative size refused"); }
        try { b.loadFromString("P5\n2 2\n255\nxxxx"); println("FAIL P5"); }
        catch (.phantom.ArgumentException e) { println("P5: " + e.getMessage()); }
        try { b.loadFromString("P6\n100000 100000\n255\n"); println("FAIL huge PPM"); }
        catch (.phantom.ArgumentException e) { println("huge PPM: " + e.getMessage()); }
        try { b.loadFromString("P6\n2 2\n255\nabc"); println("FAIL short PPM"); }
        catch (.phantom.ArgumentException e) { println("short PPM: " + e.getMessage()); }
        try { b.loadFromString("P6\n2"); println("FAIL truncated header"); }
        catch (.phantom.ArgumentException e) { println("truncated header: " + e.getMessage()); }
        try { w.drawImage(0, 0, "not a bitmap"); println("FAIL drawImage string"); }
        catch (.phantom.TypeException e) { println("drawImage: " + e.getMessage()); }
        try { w.getPixel(200, 0); println("FAIL getPixel"); }
        catch (.phantom.IndexOutOfRangeException e) { println("getPixel: " + e.getMessage()); }
        want("bitmap unchanged by failed loads", b.getWidth(), 2);
        w.setFg(green);
        w.fillBox(-5, -5, 10, 10);
        want("negative coordinates clip", w.getPixel(4, 4), green);
        w.drawLine(-2000000000, -2000000000, 2000000000, 2000000000);
        w.fillEllipse(-2000000000, -2000000000, 2000000000, 2000000000);
        w.drawString(-100000, 2000000000, "far away");
        w.drawImagePart(2000000000, 2000000000, b, -5, -5, 2000000000, 2000000000);
        want("far drawing leaves the window", w.getPixel(150, 90), white);
        w.close();
        try { w.clear(); println("FAIL closed"); }
        catch (.phantom.IllegalStateException e) { println("closed: " + e.getMessage()); }
        println("failures: " + fails);
    }
};

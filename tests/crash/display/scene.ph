// The scene tests/crash/display_restart.c kills while it is drawn: two
// windows drawn step by step (boxes, lines, text, an image), then nothing
// but sleeping.  Every step is deterministic, so whatever moment a kill
// comes at, the world resumed finishes the same picture.
class scene
{
    static void main()
    {
        var a : .internal.window;
        var b : .internal.window;
        var img : .internal.bitmap;
        a = new .internal.window();
        a.setTitle("Boxes");
        a.setWinPosition(40, 300);
        a.setWinSize(300, 200);
        a.setBg(0xFFF0F0E0);
        a.clear();
        b = new .internal.window();
        b.setTitle("Lines and text");
        b.setWinPosition(420, 120);
        var ppm : .internal.binary;
        ppm = .internal.binary.fromString("P6\n8 8\n255\n");
        var head : int = ppm.size();
        ppm.resize(head + 192);
        for (int i = 0; i < 192; i++) ppm.setByte(head + i, (i * 41) % 256);
        img = new .internal.bitmap();
        img.loadFromString(ppm);
        for (int i = 0; i < 150; i++) {
            a.setFg(0xFF000000 | ((i * 7919) % 16777216));
            a.fillBox((i * 37) % 280, (i * 53) % 180, 20, 20);
            a.update();
            b.setFg(0xFF000000 | ((i * 104729) % 16777216));
            b.drawLine(i * 2, 0, 100, 290 - i);
            b.drawString(10, 10 + (i % 15) * 18, "step " + i);
            b.drawImage(300 + (i % 10) * 8, 200, img);
            b.update();
            .internal.thread.sleep(4);
        }
        b.toFront();
        println("done");
        while (true) .internal.thread.sleep(1000);
    }
};

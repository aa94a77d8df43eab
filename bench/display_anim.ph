// The display benchmark's program (bench/display_bench.c): a 400x300
// window animated for N frames (main's first argument), each frame a full
// clear, a moving ball, a bar and a line of text, then update(); prints
// "frames N ms T" when done.
class display_anim
{
    static void main(string[] args)
    {
        int n = args.length > 0 ? args[0].toInt() : 300;
        var w : .internal.window;
        w = new .internal.window();
        w.setTitle("Animation");
        w.setAutoUpdate(0);
        long t0 = .internal.time.monoNanos();
        for (int f = 0; f < n; f++) {
            w.setBg(0xFF000000 | ((f * 3) % 256) << 8 | 0x40);
            w.clear();
            w.setFg(0xFFFFD020);
            w.fillEllipse((f * 7) % 360, 130 + (f * 5) % 120 - 60, 40, 40);
            w.setFg(0xFF2080FF);
            w.fillBox(0, 0, (f * 3) % 400, 12);
            w.setFg(0xFFFFFFFF);
            w.drawString(10, 280, "frame " + f);
            w.update();
        }
        long ms = (.internal.time.monoNanos() - t0) / 1000000;
        println("frames " + n + " ms " + ms);
    }
};

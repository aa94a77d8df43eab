// The tests' own check must be able to fail: this program keeps every
// cycle it makes in a live list, so after a few checkpoints its live
// bytes pass gccheck's bound and the check prints FAIL lines.
class lnode { var next; var pad1; var pad2; var pad3; };

class leak_detected
{
    static void main()
    {
        var c = new gccheck("leak_detected", 10);
        c.numbers = false;
        var kept = new void[]();
        // 400000 pairs of lnode, whatever the test's allocation count: over 16 MiB
        long pairs = 400000L;
        for (int part = 1; part <= 10; part++) {
            for (long i = 0; i < pairs / 10; i++) {
                var a = new lnode();
                var b = new lnode();
                a.next = b; b.next = a;
                kept.add(a);
            }
            c.checkpoint();
        }
        if (c.failures > 0)
            println("leak_detected: the bound check failed, as it must");
        println("kept " + kept.size() + " pairs");
    }
};

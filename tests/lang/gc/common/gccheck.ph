// The checks of the collector tests (tests/lang/gc/README.md).  A test
// makes gcparams.allocations() objects (the harness, tests/unit/gc_run.c,
// writes that class: 10 million in the plain build, fewer under ASan) in
// ten equal parts, and calls checkpoint() after each: a complete
// collection, then liveBytes must stay under BOUND and the reference
// structure must be intact.  Every failure prints a line starting "FAIL".
class gccheck
{
    const long BOUND = 16777216L;    // 16 MiB of live objects

    var w : .internal.world;
    var ref : gcref;
    var name : string;
    var total : long;
    var part : int;                  // checkpoints passed
    var failures : int;
    var allocBefore : long;
    var cycleFreedBefore : long;
    var numbers : bool;              // FAIL lines with the numbers (false: stable text)

    void gccheck(string testName, int refNodes)
    {
        name = testName;
        numbers = true;
        w = new .internal.world();
        total = gcparams.allocations();
        ref = new gcref(refNodes);
        var s = w.gcStats();
        allocBefore = s.get("allocatedObjects");
        cycleFreedBefore = s.get("cycleFreedObjects");
        println(name + ": reference structure of " + refNodes + " nodes built");
    }

    // The allocation count at which checkpoint k (1..10) is due.
    long due(int k) { return total * k / 10; }

    // Calls checkpoint() if made has reached the next one; true while the
    // test should go on.
    bool step(long made)
    {
        if (made >= due(part + 1))
            checkpoint();
        return part < 10;
    }

    void fail(string what)
    {
        failures++;
        println("FAIL " + name + ": " + what);
    }

    void checkpoint()
    {
        part++;
        w.collect();
        var s = w.gcStats();
        long live = s.get("liveBytes");
        if (live > BOUND)
            fail("checkpoint " + part + ": liveBytes " + (numbers ? live + " > bound " + BOUND : "over the bound"));
        if (!ref.ok())
            fail("checkpoint " + part + ": reference structure broken: " + ref.broken);
        if (failures == 0)
            println(name + ": checkpoint " + part + " ok");
    }

    // The end: the count made, the cycle collector must have freed
    // something, the reference structure once more.  Prints the verdict.
    void finish(long made)
    {
        var s = w.gcStats();
        long alloc = s.get("allocatedObjects");
        long cfreed = s.get("cycleFreedObjects");
        if (made < total)
            fail("made only " + made + " of " + total + " objects");
        if (alloc - allocBefore < made)
            fail("gcStats counts " + (alloc - allocBefore) + " allocations, the program made " + made);
        if (cfreed - cycleFreedBefore < made / 4)
            fail("the complete collector freed only " + (cfreed - cycleFreedBefore) + " objects");
        if (!ref.ok())
            fail("reference structure broken at the end: " + ref.broken);
        if (ref.checksum() != ref.expected)
            fail("checksum changed");
        if (failures == 0)
            println(name + ": PASS");
        else
            println(name + ": " + failures + " failure(s)");
    }
};

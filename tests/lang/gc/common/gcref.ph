// The reference structure of the collector tests (tests/lang/gc/README.md):
// n nodes that must survive every collection, linked in a doubly-linked
// ring (itself a live cycle), held in an array and a directory by name,
// each with a small long[] of known values and a back-pointer to the
// structure.  checksum() walks all of it and fails loudly on a broken link.
class gcnode
{
    var id : long;
    var name : string;
    var next : gcnode;
    var prev : gcnode;
    var data : long[];
    var home : gcref;
};

class gcref
{
    var head : gcnode;
    var all : gcnode[];
    var byName : .internal.directory;
    var n : int;
    var expected : long;
    var broken : string;       // what the last check found wrong, or null

    void gcref(int count)
    {
        n = count;
        all = new gcnode[count];
        byName = new .internal.directory();
        gcnode last = null;
        for (int i = 0; i < count; i++) {
            var x = new gcnode();
            x.id = i;
            x.name = "ref" + i;
            x.data = new long[4];
            for (int k = 0; k < 4; k++)
                x.data[k] = (long) i * 1000003L + k * 7919L;
            x.home = this;
            all[i] = x;
            byName.put(x.name, x);
            if (last == null) {
                head = x;
            } else {
                last.next = x;
                x.prev = last;
            }
            last = x;
        }
        last.next = head;
        head.prev = last;
        expected = checksum();
    }

    // A hash of every node's contents, in ring order; -1 (and broken set)
    // if a link, name or back-pointer is wrong.
    long checksum()
    {
        long h = 17;
        var x = head;
        for (int i = 0; i < n; i++) {
            if (x == null) { broken = "ring ends at " + i; return -1; }
            if (x.id != i) { broken = "node " + i + " has id " + x.id; return -1; }
            if (!(all[i] :== x)) { broken = "array slot " + i + " is not the ring's node"; return -1; }
            if (!(byName.get("ref" + i) :== x)) { broken = "directory entry ref" + i + " is wrong"; return -1; }
            if (x.name != "ref" + i) { broken = "node " + i + " is named " + x.name; return -1; }
            if (!(x.home :== this)) { broken = "node " + i + " lost its home"; return -1; }
            if (x.next == null || !(x.next.prev :== x)) { broken = "node " + i + ": next.prev is wrong"; return -1; }
            if (x.data == null || x.data.length != 4) { broken = "node " + i + ": data lost"; return -1; }
            for (int k = 0; k < 4; k++)
                h = h * 31 + x.data[k];
            h = h * 31 + x.name.length();
            x = x.next;
        }
        if (!(x :== head)) { broken = "the ring does not close after " + n + " nodes"; return -1; }
        if (byName.size() != n) { broken = "directory holds " + byName.size() + " entries"; return -1; }
        return h;
    }

    bool ok()
    {
        broken = null;
        long c = checksum();
        if (c != expected && broken == null)
            broken = "checksum " + c + ", expected " + expected;
        return broken == null;
    }
};

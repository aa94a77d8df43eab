// .phantom.net.dns: host names to addresses.  The lookup runs on a helper
// host thread; the other threads run meanwhile.
package .phantom.net;

class dns
{
    // Every address of name, IPv4 first; NameNotFoundException if none.
    static void[] lookup(string name)
    {
        return (void[])NetException.check(.internal.net.dns.lookup(name), "lookup " + name);
    }

    // The first address of name.
    static string lookupFirst(string name)
    {
        return (string)lookup(name)[0];
    }
};

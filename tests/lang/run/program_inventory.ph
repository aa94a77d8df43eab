// A modern program using many features together: an interface and an
// abstract class, constants and statics, exceptions of its own, the
// library's list, map and comparator, string building, for and foreach,
// ++ and +=, ?: and instanceof.
import .phantom.util.*;

interface priced { long cents(); };

class out_of_stock extends .phantom.Exception
{
    var sku : string;
    out_of_stock(string s, int want, int have)
    {
        super.Exception("only " + have + " of " + s + ", wanted " + want);
        sku = s;
    }
};

class product implements priced
{
    static int made;
    const int MAX_QTY = 1000;
    string sku;
    string name;
    long price;
    int qty;

    product(string s, string n, long p, int q) { sku = s; name = n; price = p; qty = q; made++; }
    long cents() { return price * qty; }
    string toString() { return name + " x" + qty; }
};

class byValue implements comparator
{
    int compare(var a, var b)
    {
        long d = ((priced)b).cents() - ((priced)a).cents();
        return d > 0 ? 1 : d < 0 ? -1 : 0;
    }
};

class inventory
{
    map bySku = new map();
    list log = new list();

    void add(product p)
    {
        if (p.qty > product.MAX_QTY) throw new .phantom.ArgumentException("too many " + p.sku);
        bySku.put(p.sku, p);
        log.add("+" + p.sku);
    }

    product find(string sku)
    {
        var p;
        p = bySku.get(sku);
        if (p == null) throw new .phantom.NotFoundException("no " + sku);
        return p;
    }

    void take(string sku, int n)
    {
        product p = find(sku);
        if (p.qty < n) throw new out_of_stock(sku, n, p.qty);
        p.qty -= n;
        log.add("-" + n + sku);
    }

    long total()
    {
        long t = 0;
        foreach (p in bySku.values()) t += ((priced)p).cents();
        return t;
    }

    static string money(long c) { return "$" + c / 100 + "." + (c % 100 < 10 ? "0" : "") + c % 100; }
};

class program_inventory
{
    static void main()
    {
        var inv = new inventory();
        inv.add(new product("A1", "apple", 30, 100));
        inv.add(new product("B2", "bread", 250, 10));
        inv.add(new product("C3", "cheese", 799, 3));
        println(product.made + " products, total " + inventory.money(inv.total()));
        inv.take("A1", 40);
        try { inv.take("C3", 5); }
        catch (out_of_stock e) { println("refused: " + e.getMessage() + " [" + e.sku + "]"); }
        try { inv.take("Z9", 1); }
        catch (.phantom.NotFoundException e) { println("refused: " + e.getMessage()); }
        try { inv.add(new product("D4", "dates", 5, 5000)); }
        catch (.phantom.ArgumentException e) { println("refused: " + e.getMessage()); }
        list all = list.fromArray(inv.bySku.values());
        all.sort(new byValue());
        for (int i = 0; i < all.size(); i++) {
            product p = (product)all.get(i);
            println((i + 1) + ". " + p + " = " + inventory.money(p.cents()) + (p.cents() > 2000 ? " (big)" : ""));
        }
        println(inv.log.join(" "));
        println("now " + inventory.money(inv.total()) + ", " + product.made + " made");
        int kinds = 0;
        foreach (x in inv.bySku.values()) if (x instanceof priced) kinds++;
        println(kinds + " priced");
    }
};

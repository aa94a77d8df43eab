// The basket of PHANTOM-LANGUAGE.md section 1, as the original wrote it.
package .demo.shop;
import .internal.directory;
import .demo.shop.item;
attribute const * ->!;

class basket extends .demo.shop.container implements .demo.shop.priced
{
    var items   : item [];
    var count   : int;
    .internal.string label;
    var anything;

    void basket() { count = 0; items = new item[](); }

    int add( var it : item ) [16]
    {
        items[count] = it;
        count = count + 1;
        return count;
    }

    int total()
    {
        var sum : int;
        var i : int;
        sum = 0;
        i = 0;
        while( i < count )
        {
            sum = sum + items[i].total();
            i = i + 1;
        }
        return sum;
    }

    string contents()
    {
        var byTitle : directory;
        byTitle = new directory();
        foreach( it in items ) byTitle.put( it.title, it );
        anything = byTitle;
        return byTitle.size().toString().concat(" kinds");
    }

    void run( var boot @const ) { boot.16( describe() ); boot.16( "\n" ); }
};

// One line of a basket: a title, a price in cents and a quantity.
package .demo.shop;

class item implements priced
{
    var title : string;
    var price : int;
    var qty   : int;

    void item( var t : string, var p : int, var q : int )
    {
        title = t;
        price = p;
        qty = q;
    }

    int total() { return price * qty; }

    string toString() { return title; }
};

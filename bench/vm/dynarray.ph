// dynarray.ph - dynamic arrays of records: 300k order records pushed onto
// a growing array, then ten passes that each filter the big orders into a
// new array, total them per customer, copy three orders in four into a new
// array and append 60k new orders.
class order
{
    int id;
    int customer;
    int qty;
    int price;

    order(int i, int c, int q, int p) { id = i; customer = c; qty = q; price = p; }
};

class dynarray
{
    static void main()
    {
        order[] orders = new order[]();
        int x = 1, id = 0;
        for (; id < 300000; id++) {
            x = (x * 75 + 74) % 65537;
            orders.push(new order(id, x % 100, x % 17 + 1, x % 1000));
        }
        int check = 0;
        for (int pass = 0; pass < 10; pass++) {
            order[] big = new order[]();
            foreach (order o in orders)
                if (o.qty * o.price > 5000)
                    big.push(o);
            int[] perCustomer = new int[100];
            foreach (order o in big)
                perCustomer[o.customer] += o.qty;
            for (int c = 0; c < 100; c++)
                check = (check * 31 + perCustomer[c]) % 1000003;
            order[] kept = new order[]();
            foreach (order o in orders)
                if ((o.id + pass) % 4 != 0)
                    kept.push(o);
            for (int i = 0; i < 60000; i++, id++) {
                x = (x * 75 + 74) % 65537;
                kept.push(new order(id, x % 100, x % 17 + 1, x % 1000));
            }
            orders = kept;
            check = (check + orders.length) % 1000003;
        }
        println(orders.length + " " + check);
    }
};

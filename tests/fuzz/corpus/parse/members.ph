class members
{
    var count : int;
    void run()
    {
        n = a.length;
        n = this.count;
        n = arr[i].length;
        n = arr[i][j];
        n = m[1][2][3];
        n = f().field;
        n = f().a.b;
        n = (x).y;
        n = o.field.other;
        n = .internal.thing.value;
        n = super.count;
        n = this.arr[0].count;
        n = x.int;                           // any keyword may follow a '.'
        n = x.class.name;
        n = x."odd name";
    }
};

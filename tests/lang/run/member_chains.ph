// Dotted names and member chains: a.b.c through fields, static fields of
// classes named with their package, calls on results of calls, fields of
// array elements, assignments through chains.
package .demo.chains;

class engine { var power : int; void engine(int p) { power = p; } };
class car
{
    var engine : engine;
    var name : string;
    static car fastest;
    static int made;
    void car(string n, int p) { name = n; engine = new engine(p); made++; }
    car self() { return this; }
    engine get_engine() { return engine; }
};

class member_chains
{
    static void main()
    {
        var c = new car("beetle", 34);
        println(c.engine.power);
        c.engine.power += 6;
        println(c.self().get_engine().power);
        car.fastest = new car("gt", 500);
        println(car.fastest.name + " " + car.fastest.engine.power);
        println(.demo.chains.car.fastest.engine.power);
        println(.demo.chains.car.made);
        car[] cars = new car[2];
        cars[0] = c;
        cars[1] = car.fastest;
        cars[1].engine.power = 501;
        println(cars[1].engine.power + cars[0].engine.power);
        println(c.name.length());
        println(cars.length);
        println(c.name.toUpperCase().substring(0, 3).length());
    }
};

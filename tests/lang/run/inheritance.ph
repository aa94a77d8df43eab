// Virtual dispatch through a parent type, super.m() calling the parent's
// version, inherited fields and methods, a field hiding the parent's.
class animal
{
    var name : string;
    void animal() { name = "animal"; }
    string sound() { return "..."; }
    string describe() { return name + " says " + sound(); }
    string kind() { return "animal"; }
};

class dog extends animal
{
    void dog() { name = "dog"; }
    string sound() { return "woof"; }
    string kind() { return "dog, an " + super.kind(); }
};

class puppy extends dog
{
    string sound() { return super.sound() + " (small)"; }
};

class inheritance
{
    static void main()
    {
        animal[] zoo = new animal[3];
        zoo[0] = new animal();
        zoo[1] = new dog();
        zoo[2] = new puppy();
        foreach (a in zoo) println(a.describe());
        println(zoo[2].kind());
        dog d = new puppy();
        println(d.sound());
        animal a = d;
        println(a.sound());
        var any = a;
        println(any.sound());
    }
};

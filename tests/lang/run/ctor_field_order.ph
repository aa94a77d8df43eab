// What a subclass's fields hold while its parent's constructor runs (it
// calls a method the subclass overrides): primitive fields already hold
// their zero, others null; the subclass's initialisers run after the
// parent's constructor, so a field with an initialiser gets it then, and
// a field without one keeps what the overriding method stored in it.
class widget
{
    var log : string = "";
    widget() { log += "widget() sees " + describe() + "; "; setup(); }
    string describe() { return "widget"; }
    void setup() { }
};

class button extends widget
{
    int clicks;
    long size = 5;
    double scale = 1.5;
    bool pressed;
    char key;
    string label = "ok";
    var extra;
    int configured;

    button() { log += "button() sees " + describe(); }

    string describe()
    {
        return clicks + "/" + size + "/" + scale + "/" + pressed + "/" + (int)key + "/" + label + "/" + extra
               + "/" + configured;
    }

    void setup() { configured = 42; clicks++; }
};

class toggle extends button
{
    int state = 3;
    toggle() { super.button(); log += "; toggle() sees " + describe(); }
    string describe() { return "state " + state + ", " + super.describe(); }
};

class ctor_field_order
{
    static void main()
    {
        println(new button().log);
        println(new toggle().log);
    }
};

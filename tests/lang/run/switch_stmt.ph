// switch: int, string and char cases, several labels per arm, default
// anywhere, fall-through only when an arm runs off its end, continue of
// the enclosing loop, and a switch that declares variables.
class switch_stmt
{
    static string name(int n)
    {
        switch (n) {
        case 1: return "one";
        case 2:
        case 3: return "two or three";
        default: return "many";
        case 0: return "zero";
        }
    }

    static void main()
    {
        for (int i = 0; i < 5; i++) println(name(i));
        string cmd = "stop";
        switch (cmd) {
        case "go": println("going"); break;
        case "stop": println("stopping");
        case "fall": println("fell through"); break;
        case "never": println("not here");
        }
        char c = 'b';
        switch (c) { case 'a': println("a"); break; case 'b': println("b"); break; }
        switch (42) { case 1: println("no"); }
        println("after a switch without a match");
        for (int i = 0; i < 4; i++) {
            switch (i % 2) {
            case 0: continue;
            default: print(i + " ");
            }
        }
        println();
        switch (3) {
        case 3:
            int x = 3 * 3;
            println(x);
            break;
        }
        var v = 2.0;
        switch (v) { case 2: println("2.0 matches 2"); break; default: println("no"); }
    }
};

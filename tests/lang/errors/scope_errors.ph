// Scopes: a variable is visible from its declaration to the end of its
// block; a for, foreach or catch variable only inside its statement, one
// of a switch arm only in that arm; a name may not be declared again
// while it is visible (sibling blocks and other arms may reuse it); a
// parameter may not be redeclared.
class scope_errors
{
    static void main(var args : string[])
    {
        println(early);
        int early = 1;
        { int inner = 2; }
        println(inner);
        for (int i = 0; i < 2; i++) { }
        println(i);
        foreach (x in args) { }
        println(x);
        try { } catch (string e) { }
        println(e);
        { int again = 1; }
        { int again = 2; }
        int early2 = 1;
        { int early2 = 2; }
        for (int k = 0; k < 1; k++) { int k = 3; }
        int args = 0;
        switch (early) {
        case 1: int inArm = 1; break;
        case 2: println(inArm); break;
        case 3: int inArm = 3; break;
        }
    }
};

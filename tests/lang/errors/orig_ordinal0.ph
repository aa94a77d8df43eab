// An explicit ordinal that takes a slot the compiler fills itself
// (construct, [0], through which new *(c)() constructs) is an error
// naming both methods, not a class the VM later refuses to load.
class orig_ordinal0
{
    void foo() [0] { }
    void run( var boot ) { foo(); }
};

// A declaration of an internal class that does not match the VM's class:
// a method it lacks, a method at another ordinal, a wrong argument count,
// and an internal class the VM does not have.
class .internal.string
{
    int length() [11] {}
    int frobnicate() [40] {}
    .internal.string concat( var a, var b ) [10] {}
    int toInt() [9] {}
};

class .internal.teleport
{
};

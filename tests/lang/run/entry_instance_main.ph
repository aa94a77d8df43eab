// An instance main(): the VM makes an object (running its constructor)
// and calls main on it.
class entry_instance_main
{
    var greeting : string = "initialised";
    void entry_instance_main() { greeting += " and constructed"; }
    void main() { println("instance main: " + greeting); }
};

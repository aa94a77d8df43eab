// The original declares the boot object's class as .internal.bootstrap;
// the VM calls it .internal.boot.
package .internal;

class .internal.bootstrap
{
    .internal.object loadClass( var name : string ) [8] {}
    void consolePrint( var text ) [16] {}
    void startThread( var obj ) [18] {}
    void sleep( var msec : int ) [21] {}
};

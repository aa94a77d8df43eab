// A declaration of an internal class in the original's style: the VM's
// class is used; each method declared here is checked against it.
package .internal;

class .internal."thread"
{
    .internal.string toString() [5] { }
    void pause() [10] {}
    void unpause() [11] {}
    .internal.object getOsInterface() [14] { }
    .internal.object getUser() [13] {}
    .internal.object getEnvironment() [12] {}
};

// .phantom.IOException: reading or writing outside the world failed.
package .phantom;

class IOException extends .phantom.Exception
{
    void IOException() { }
    void IOException(var message) { super.Exception(message); }
};

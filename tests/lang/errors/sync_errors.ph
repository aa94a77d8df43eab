// 'synchronized' belongs on methods and blocks (these are found by the
// parser, so the file is not analysed further): not on a class, a field
// or a constructor.
synchronized class locked { };

class store
{
    synchronized int count;
    synchronized store() { }
    synchronized void ok() { }
    static synchronized void alsoOk() { synchronized (this) { } }
};

class counter
{
    var lock : .internal.mutex;
    var n : int;
    void inc() { synchronized( lock ) { n++; } }
    void nested() { synchronized( this ) { synchronized( lock ) { n--; } } }
};

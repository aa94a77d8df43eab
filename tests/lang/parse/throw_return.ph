class tr
{
    void v() { return; }
    int i() { return 1; }
    string s() { throw "a string is a fine exception"; }
    void o() { throw new .lang.error("message"); }
    item t( var x ) { if( x :== null ) throw x; return (item)x; }
    void r() { return; return; }
};

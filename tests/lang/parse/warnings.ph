// Valid, but each marked line earns a warning.
class warn
{
    void run()
    {
        do { i++; } while( i < 3 )
        i = 0;                                  // warning: runs between iterations
        if( i == 1 );                           // warning: empty body
        while( i < 3 );                         // warning: empty body
        x = a + b & c;                          // warning: grouping differs from the original
        x = a & b == c;                         // warning
        x = a || b && c;                        // warning
        x = (a + b) & c;                        // fine: parenthesised
        x = a && b || c;                        // fine: same either way
        x = 010;                                // warning: leading zero
        a + b;                                  // warning: value not used
        x;                                      // warning: value not used
    }
};

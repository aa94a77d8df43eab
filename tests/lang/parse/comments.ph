/**
 * A doc comment at the top. /* is not nested here
 */
// line comment
package /* inline */ .demo;  // trailing
/* comment */ class /**/ c /* between */ {
    // inside
    var x /* in the middle */ : int; /* after */
    /* before method */ void f( /* no args */ ) { /* empty body */ }
    void g() { x = 1 /* operand */ + /* operator */ 2; // end
    }
    /* a comment with ** stars and // slashes and "quotes" and 'c' */
};
// the end, without a newline
// last line has no newline
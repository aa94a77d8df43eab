// .phantom.text.builder: builds a long string piece by piece, in time
// proportional to its length (adding to a string with + copies it each
// time).
//     var b = new builder();
//     b.append("x = ").append(42).appendLine();
//     println(b.toString());
package .phantom.text;

class builder
{
    var parts : void[];   // strings, joined on demand
    var len : int;

    void builder()
    {
        parts = new void[]();
        len = 0;
    }

    // Appends the text of x (its toString; "null" for null).
    builder append(var x)
    {
        string s = "" + x;
        parts.add(s);
        len += s.length();
        return this;
    }

    // Appends the text of x and a newline.
    builder appendLine(var x)
    {
        append(x);
        return append("\n");
    }

    // Appends a newline.
    builder appendLine()
    {
        return append("\n");
    }

    // The length of the text so far, in characters (as string.length()).
    int length()
    {
        return len;
    }

    bool isEmpty()
    {
        return len == 0;
    }

    void clear()
    {
        parts.clear();
        len = 0;
    }

    string toString()
    {
        string s = parts.join("");
        parts.clear();
        parts.add(s);
        return s;
    }
};

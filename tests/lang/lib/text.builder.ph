// .phantom.text.builder: append (chained, any value, a class's own
// toString), appendLine, length, isEmpty, clear, toString.
import .phantom.text.builder;

class item
{
    string toString() { return "<item>"; }
};

class builder_test
{
    static void main()
    {
        builder b = new builder();
        println("[" + b + "] " + b.length() + " " + b.isEmpty());
        b.append("x = ").append(42).append(' ').append(2.5).append(null).append(true).append(new item());
        println(b.toString());
        println(b.length() + " " + b.isEmpty());
        b.appendLine().appendLine("second").append("third");
        print(b);
        println();
        println(b.toString() == b.toString());
        b.clear();
        println("[" + b + "] " + b.length() + " " + b.isEmpty());
        for (int i = 0; i < 10000; i++)
            b.append(i % 10);
        string s = b.toString();
        println(s.length() + " " + b.length() + " " + s.substring(0, 12));
        b.append("é");
        println(b.length());
    }
};

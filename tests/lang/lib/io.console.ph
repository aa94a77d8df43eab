// .phantom.io.console: output (print, println, printf, printfArray, error)
// and input from io.console.in (readLine, prompt, readInt,
// readDouble, readLines, and the errors at a bad line and at the end).
import .phantom.io.console;

class thing
{
    string toString() { return "a thing"; }
};

class console_test
{
    static void main()
    {
        console.print("no newline, ");
        console.print(42);
        console.println();
        console.println(new thing());
        console.println(null);
        console.printf("plain\n");
        console.printf("%d\n", 1);
        console.printf("%d %d\n", 1, 2);
        console.printf("%d %d %d\n", 1, 2, 3);
        console.printf("%d %d %d %d\n", 1, 2, 3, 4);
        console.printf("%d %d %d %d %d\n", 1, 2, 3, 4, 5);
        console.printf("%d %d %d %d %d %s\n", 1, 2, 3, 4, 5, new thing());
        void[] args = new void[]();
        args.add("x");
        args.add(2.5);
        console.printfArray("%s=%.2f\n", args);
        try { console.printf("%d\n", "no"); } catch (.phantom.FormatException e) { console.println(e.getMessage()); }
        console.error("to standard error");
        console.error(new thing());

        // input
        console.println("line: [" + console.readLine() + "]");
        console.println("line: [" + console.readLine() + "]");
        string name = console.prompt("name? ");
        console.println("hello " + name);
        console.println(console.readInt() + 1);
        console.println(console.readDouble() * 2);
        try { console.readInt(); } catch (.phantom.FormatException e) { console.println(e.getMessage()); }
        try { console.readDouble(); } catch (.phantom.FormatException e) { console.println(e.getMessage()); }
        void[] rest = console.readLines();
        console.println(rest.length + " " + rest);
        console.println(console.readLine());
        console.println(console.prompt("more? "));
        try { console.readInt(); } catch (.phantom.EOFException e) { console.println(e); }
        try { console.readDouble(); } catch (.phantom.IOException e) { console.println(e); }
        console.println(console.readLines().length);
    }
};

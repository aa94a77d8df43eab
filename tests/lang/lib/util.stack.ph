// .phantom.util.stack: every method and the errors on an empty stack.
import .phantom.util.stack;

class stack_test
{
    static void main()
    {
        stack s = new stack();
        println(s + " " + s.size() + " " + s.isEmpty());
        try { s.pop(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        try { s.peek(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        s.push(1);
        s.push("two");
        s.push(null);
        println(s + " " + s.size() + " " + s.isEmpty() + " " + s.peek());
        println(s.pop() + " " + s.pop() + " " + s.peek() + " " + s.size());
        var a = s.toArray();
        a.add(5);
        println(a + " " + s);
        // balanced brackets, the classic use
        string text = "{[()()]}(";
        stack open = new stack();
        bool ok = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{')
                open.push(c);
            else if (open.isEmpty())
                ok = false;
            else {
                char o = (char) open.pop();
                if ((c == ')' && o != '(') || (c == ']' && o != '[') || (c == '}' && o != '{'))
                    ok = false;
            }
        }
        println(ok + " " + open.size());
        s.clear();
        println(s + " " + s.size() + " " + s.isEmpty());
    }
};

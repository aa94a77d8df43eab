// if, else, else if chains, nested ifs (else binds to the nearest if),
// declarations as bodies.
class if_else
{
    static string grade(int score)
    {
        if (score >= 90) return "A";
        else if (score >= 80) return "B";
        else if (score >= 70) return "C";
        else return "F";
    }

    static void main()
    {
        println(grade(95) + grade(85) + grade(75) + grade(10));
        int x = 5;
        if (x > 0)
            if (x > 10) println("big");
            else println("small positive");
        if (x < 0) { println("negative"); }
        else { println("not negative"); }
        if (x == 5) println("five");
        if (x != 5) println("wrong");
        if (x > 1) int y = 2;
        bool flag = false;
        if (!flag) println("flag off");
        if (x > 0 && x < 10) println("one digit");
        if (x < 0 || x > 3) println("outside 0..3");
    }
};

// objects.ph - an object simulation with virtual calls: 3000 creatures of
// three kinds (a base class and two overriding subclasses) moved for 2000
// ticks; every 100 ticks their scores are summed.  Prints the total.
class creature
{
    int pos;
    int energy;

    creature(int p) { pos = p; energy = 100; }

    void move(int t)
    {
        pos = (pos + 1) % 1000;
        energy = energy - 1;
        if (energy < 0)
            energy = 100;
    }

    int score() { return pos + energy; }
};

class jumper extends creature
{
    jumper(int p) { super.creature(p); }

    void move(int t)
    {
        pos = (pos + t % 7) % 1000;
        energy = energy - 3;
        if (energy < 0)
            energy = 200;
    }

    int score() { return pos * 2 + energy; }
};

class sleeper extends creature
{
    sleeper(int p) { super.creature(p); }

    void move(int t)
    {
        if (t % 10 == 0)
            pos = (pos + 5) % 1000;
        energy = energy + 1;
        if (energy > 500)
            energy = 0;
    }
};

class objects
{
    static void main()
    {
        creature[] all = new creature[]();
        for (int i = 0; i < 3000; i++) {
            if (i % 3 == 0)
                all.push(new creature(i % 1000));
            else if (i % 3 == 1)
                all.push(new jumper(i * 7 % 1000));
            else
                all.push(new sleeper(i * 13 % 1000));
        }
        int total = 0;
        for (int t = 1; t <= 2000; t++) {
            foreach (creature c in all)
                c.move(t);
            if (t % 100 == 0)
                foreach (creature c in all)
                    total = (total + c.score()) % 1000000007;
        }
        println(total);
    }
};

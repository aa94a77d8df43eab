class node
{
    var owner : list;
    var value : string;
    var next : node;

    void node(list o, string v) { owner = o; value = v; }
};

package .internal;

class .internal.string
{
    .internal.string substring( var index : int, var length : int ) [8] {}
    int length() [11] {}
    int strstr( var s : .internal.string ) [12] {}
};

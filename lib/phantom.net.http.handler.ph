// .phantom.net.http.handler: what a route runs.  handle() reads the request
// and fills in the response (status 200 and an empty body unless it says
// otherwise); it runs on the connection's own thread, so handlers of several
// connections run at once and shared state needs a lock.
package .phantom.net.http;

interface handler
{
    void handle(request req, response res);
};

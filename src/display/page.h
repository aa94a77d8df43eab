/*
 * page.h - the display's web page (page.c): plain HTML and JavaScript.
 */
#ifndef PHANTOM_DISPLAY_PAGE_H
#define PHANTOM_DISPLAY_PAGE_H

extern const char pd_page_html[];

#endif

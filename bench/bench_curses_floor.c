/* bench_curses_floor.c - the floor for bench_startup: the least a curses program does before
 * its first screen (setlocale, initscr, draw, refresh), then waits for a key and ends. */
#include <curses.h>
#include <locale.h>

int main(void)
{
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    mvaddstr(0, 0, "ready");
    refresh();
    getch();
    endwin();
    return 0;
}

/* rectdesk.exe and rectdesk-cli.exe: run RectDesk on the embedded Python, in this process.
 *
 * Built by installer/windows_build.py with mingw-w64, twice: as a window program running
 * `python -m rectdesk` and as a console program running `python -m rectdesk.cli`. The Python
 * DLL is loaded from the python\ folder beside this file; the arguments are passed on as
 * UTF-16, so Chinese paths and paths with spaces arrive intact. The exit status is Python's.
 *
 * Defines (all wide strings): PYTHON_DLL (e.g. L"python311.dll"), MODULE (L"rectdesk" or
 * L"rectdesk.cli"); WINDOWED when built for the window subsystem.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#ifndef PYTHON_DLL
#error "define PYTHON_DLL"
#endif
#ifndef MODULE
#error "define MODULE"
#endif

typedef int(__cdecl *py_main_fn)(int argc, wchar_t **argv);

static void complain(const wchar_t *what, const wchar_t *path, DWORD code)
{
    wchar_t text[4096];
    _snwprintf(text, 4093,
               L"整改台账桌面助手无法启动：%ls\n%ls\n（错误代码 %lu）\n\n"
               L"请重新运行安装程序修复；仍不能解决时，请把这段文字发给信息化管理人员。",
               what, path, (unsigned long)code);
    text[4093] = L'\0'; /* room for the line end below */
#ifdef WINDOWED
    MessageBoxW(NULL, text, L"整改台账桌面助手", MB_OK | MB_ICONERROR);
#else
    /* A console takes UTF-16 as it is; a pipe or file gets the system code page, as Python's
       own output does. */
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD mode = 0;
    DWORD written = 0;
    wcscat(text, L"\r\n");
    if (GetConsoleMode(err, &mode)) {
        WriteConsoleW(err, text, (DWORD)wcslen(text), &written, NULL);
    } else {
        char bytes[16384];
        int size = WideCharToMultiByte(CP_ACP, 0, text, -1, bytes, sizeof bytes, NULL, NULL);
        if (size > 1) {
            WriteFile(err, bytes, (DWORD)(size - 1), &written, NULL);
        }
    }
#endif
}

static int run(void)
{
    static wchar_t folder[32768];
    static wchar_t runtime[32768];
    static wchar_t dll[32768];
    DWORD length = GetModuleFileNameW(NULL, folder, 32768);
    if (length == 0 || length >= 32767) {
        complain(L"找不到程序自身的位置", L"", GetLastError());
        return 1;
    }
    wchar_t *slash = wcsrchr(folder, L'\\');
    if (slash == NULL) {
        complain(L"程序位置无法识别", folder, 0);
        return 1;
    }
    *slash = L'\0';
    _snwprintf(runtime, 32767, L"%ls\\python", folder);
    _snwprintf(dll, 32767, L"%ls\\%ls", runtime, PYTHON_DLL);

    /* Extension modules (the abi3 ones of PySide6 import python3.dll) find the runtime's DLLs
       through this folder: Python loads them with LOAD_LIBRARY_SEARCH_DEFAULT_DIRS, which
       includes the folders added here. The process's own search order is left as it is. */
    AddDllDirectory(runtime);
    HMODULE python = LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (python == NULL) {
        complain(L"Python 运行库缺失或损坏", dll, GetLastError());
        return 1;
    }
    py_main_fn py_main = (py_main_fn)(void *)GetProcAddress(python, "Py_Main");
    if (py_main == NULL) {
        complain(L"Python 运行库版本不对", dll, GetLastError());
        return 1;
    }

    int given = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &given);
    if (argv == NULL || given < 1) {
        complain(L"命令行无法解析", GetCommandLineW(), GetLastError());
        return 1;
    }
    /* argv[0], then -m MODULE, then the clerk's own arguments. */
    wchar_t **args = (wchar_t **)LocalAlloc(LPTR, sizeof(wchar_t *) * (size_t)(given + 3));
    if (args == NULL) {
        complain(L"内存不足", L"", GetLastError());
        return 1;
    }
    int count = 0;
    args[count++] = argv[0];
    args[count++] = L"-m";
    args[count++] = MODULE;
    for (int i = 1; i < given; i++) {
        args[count++] = argv[i];
    }
    args[count] = NULL;
    return py_main(count, args);
}

#ifdef WINDOWED
int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR line, int show)
{
    (void)instance;
    (void)previous;
    (void)line;
    (void)show;
    return run();
}
#else
int wmain(void)
{
    return run();
}
#endif
